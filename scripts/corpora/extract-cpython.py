"""
Extracts CPython's csv reader cases (Lib/test/test_csv.py) into data: every literal call of
`self._read_test(input, expect, **kwargs)`, `self.assertRaises(csv.Error, self._read_test, ...)`
and `self.readerAssertEqual(input, expected)` (with its class's dialect), as JSON.

The test file is parsed with Python's own `ast` module and never run: arguments are read with
`ast.literal_eval`; a call whose arguments are not literals is listed as skipped, with why.

    python3 scripts/corpora/extract-cpython.py path/to/test_csv.py > test/corpora/cpython/cases.json

(issue #12: outside corpora, kept as data under test/corpora/ so tests run offline.)
"""
import ast
import hashlib
import json
import sys

QUOTING = {'QUOTE_MINIMAL', 'QUOTE_ALL', 'QUOTE_NONNUMERIC', 'QUOTE_NONE', 'QUOTE_STRINGS', 'QUOTE_NOTNULL'}


def value(node, names=None):
    """A literal, with csv.QUOTE_* constants as their names and the method's literal locals."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == 'csv' and node.attr in QUOTING:
        return node.attr
    if isinstance(node, ast.Name) and names and node.id in names:
        return names[node.id]
    try:
        return ast.literal_eval(node)
    except ValueError:
        raise ValueError(f'not a literal: {ast.unparse(node)[:60]}') from None


def literal_locals(method):
    """`name = <literal>` assignments in a method body."""
    names = {}
    for stmt in method.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            try:
                names[stmt.targets[0].id] = ast.literal_eval(stmt.value)
            except (ValueError, SyntaxError):
                pass
    return names


def dialect_classes(tree):
    """Dialect classes defined in the file (class X(csv.excel): quoting = ...; escapechar = ...)."""
    out = {}
    for cls in tree.body:
        if isinstance(cls, ast.ClassDef) and any(isinstance(b, ast.Attribute) and b.attr in ('excel', 'unix_dialect') for b in cls.bases):
            base = 'unix' if any(isinstance(b, ast.Attribute) and b.attr == 'unix_dialect' for b in cls.bases) else 'excel'
            opts = {}
            for stmt in cls.body:
                if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                    opts[stmt.targets[0].id] = value(stmt.value)
            out[cls.name] = {'dialect': base, **opts}
    return out


def class_dialect(cls, dialects):
    for stmt in cls.body:
        if isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == 'dialect' for t in stmt.targets):
            v = stmt.value
            if isinstance(v, ast.Constant):
                return {'dialect': v.value}
            if isinstance(v, ast.Call) and isinstance(v.func, ast.Name) and v.func.id in dialects:
                return dict(dialects[v.func.id])
    return None


def main(path):
    source = open(path, 'rb').read()
    tree = ast.parse(source)
    dialects = dialect_classes(tree)
    cases, skipped = [], []
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        dialect = class_dialect(cls, dialects)
        for method in (n for n in cls.body if isinstance(n, ast.FunctionDef)):
            names = literal_locals(method)
            for call in (n for n in ast.walk(method) if isinstance(n, ast.Call)):
                f = call.func
                if not (isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == 'self'):
                    continue
                where = f'{cls.name}.{method.name}:{call.lineno}'
                args, error = None, False
                if f.attr == '_read_test':
                    args = call.args
                elif f.attr == 'assertRaises' and len(call.args) >= 2 and isinstance(call.args[1], ast.Attribute) and call.args[1].attr == '_read_test':
                    exc = call.args[0]
                    error = f'{exc.value.id}.{exc.attr}' if isinstance(exc, ast.Attribute) and isinstance(exc.value, ast.Name) else getattr(exc, 'id', '?')
                    args = call.args[2:]
                elif f.attr == 'readerAssertEqual' and dialect is not None:
                    try:
                        text, expect = value(call.args[0], names), value(call.args[1], names)
                    except (ValueError, SyntaxError) as e:
                        skipped.append({'where': where, 'why': f'arguments are not literals ({e})'})
                        continue
                    cases.append({'where': where, 'input': {'text': text}, 'options': dialect, 'expect': expect})
                    continue
                else:
                    continue
                try:
                    lines = value(args[0], names)
                    expect = value(args[1], names) if len(args) > 1 else None
                    options = {k.arg: value(k.value, names) for k in call.keywords}
                except (ValueError, SyntaxError) as e:
                    skipped.append({'where': where, 'why': f'arguments are not literals ({e})'})
                    continue
                if not isinstance(lines, list) or not all(isinstance(x, str) for x in lines):
                    skipped.append({'where': where, 'why': 'the input is not a list of texts'})
                    continue
                case = {'where': where, 'input': {'lines': lines}, 'options': options, 'expect': expect}
                if error:
                    case['error'] = error
                cases.append(case)
    json.dump({
        'source': {'file': 'Lib/test/test_csv.py', 'sha256': hashlib.sha256(source).hexdigest()},
        'extracted_by': 'scripts/corpora/extract-cpython.py',
        'cases': cases,
        'skipped': skipped,
    }, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main(sys.argv[1])
