import { describe, expect, it } from 'vitest';
import { lazy } from '../../src/lazy.js';
import { policySchema } from '../../src/policy/schema.js';

describe('lazy', () => {
  it('makes the value on first use, once', () => {
    let made = 0;
    const value = lazy(() => ({ n: ++made }));
    expect(made).toBe(0);
    const first = value();
    expect(value()).toBe(first);
    expect(made).toBe(1);
  });

  it('keeps a value that is undefined without making it again', () => {
    let made = 0;
    const value = lazy(() => { made++; return undefined; });
    value();
    value();
    expect(made).toBe(1);
  });

  it('gives the schemas as one instance each', () => {
    expect(policySchema()).toBe(policySchema());
  });
});
