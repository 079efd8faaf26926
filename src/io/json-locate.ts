/**
 * The line of a JSON path in a JSON text, so that an error about a value of a policy or notice
 * file can name its line (`notice.json:4: $.pdn_list[1]: ...`). A small scanner over text that
 * JSON.parse has already accepted; for a path to a missing key it gives the line of the closest
 * enclosing value.
 */
export function lineOfPath(text: string, path: readonly PropertyKey[]): number | undefined {
  let i = 0;
  let line = 1;
  const ws = () => {
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\uFEFF') break;
    }
  };
  const str = (): string => {
    const start = i;
    i++;
    for (; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const skip = (): void => {
    ws();
    const c = text[i];
    if (c === '"') { str(); return; }
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) { i++; return; }
      for (;;) {
        if (close === '}') { ws(); str(); ws(); i++; /* : */ }
        skip();
        ws();
        if (text[i++] === close) return;
      }
    }
    while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
  };
  /** Walks to the value at path[depth..]; returns its line. */
  const find = (depth: number): number => {
    ws();
    if (depth === path.length) return line;
    const here = line;
    const want = path[depth];
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return here;
      for (;;) {
        ws();
        const key = str();
        ws();
        i++; // :
        if (key === want) return find(depth + 1);
        skip();
        ws();
        if (text[i++] === '}') return here;
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return here;
      for (let k = 0; ; k++) {
        if (k === want) return find(depth + 1);
        skip();
        ws();
        if (text[i++] === ']') return here;
      }
    }
    return here;
  };
  try {
    return find(0);
  } catch {
    return undefined;
  }
}
