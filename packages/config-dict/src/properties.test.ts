/** Property tests (fast-check): round trips through toDict/toJson/YAML, flattened updates, Python ops. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigDict, FieldReference, FrozenConfigDict } from './index.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const key = fc
  .string({ minLength: 1, maxLength: 8 })
  .filter((k) => !k.includes('.') && k !== '__proto__' && !k.includes('['));
const number = fc
  .oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))
  .map((n) => (Object.is(n, -0) ? 0 : n));
const primitive: fc.Arbitrary<Json> = fc.oneof(fc.constant(null), fc.boolean(), number, fc.string({ maxLength: 12 }));

/** Nested plain objects with JSON leaves (arrays hold JSON values, as ConfigDict leaves them alone). */
const { tree } = fc.letrec<{ tree: { [k: string]: Json }; value: Json }>((tie) => ({
  tree: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    primitive,
    fc.array(primitive, { maxLength: 4 }),
    tie('tree'),
  ),
}));

/** Nested dicts whose leaves are typed primitives (for flattened updates). */
const { leafTree } = fc.letrec<{ leafTree: { [k: string]: Json }; node: Json }>((tie) => ({
  leafTree: fc.dictionary(key, tie('node'), { minKeys: 1, maxKeys: 4 }),
  node: fc.oneof({ depthSize: 'small' }, number, fc.string({ maxLength: 6 }), fc.boolean(), tie('leafTree')),
}));

function leaves(obj: { [k: string]: Json }, prefix = ''): [string, Json][] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0
      ? leaves(v, `${prefix}${k}.`)
      : v !== null && typeof v === 'object' && !Array.isArray(v)
        ? []
        : [[`${prefix}${k}`, v] as [string, Json]],
  );
}

function setPath(obj: { [k: string]: Json }, path: string, value: Json): void {
  const parts = path.split('.');
  let cur = obj;
  for (const p of parts.slice(0, -1)) cur = cur[p] as { [k: string]: Json };
  Object.defineProperty(cur, parts[parts.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
}

/** A new value of the same JS type as `v`. */
const sameType = (v: Json): fc.Arbitrary<Json> =>
  typeof v === 'number' ? number : typeof v === 'string' ? fc.string({ maxLength: 6 }) : fc.boolean();

describe('round trips', () => {
  it('new ConfigDict(obj).toDict() gives obj back', () => {
    fc.assert(
      fc.property(tree, (obj) => {
        expect(new ConfigDict(obj).toDict()).toEqual(obj);
      }),
    );
  });

  it('toJson parses back to the same object; best effort agrees on JSON-safe data', () => {
    fc.assert(
      fc.property(tree, (obj) => {
        const cfg = new ConfigDict(obj);
        const text = cfg.toJson();
        expect(JSON.parse(text)).toEqual(obj);
        expect(cfg.toJsonBestEffort()).toBe(text);
        expect(JSON.stringify(cfg)).toBe(JSON.stringify(cfg.toDict()));
        expect(ConfigDict.fromJson(text).equals(cfg)).toBe(true);
      }),
    );
  });

  it('toYaml loads back to an equal ConfigDict', () => {
    fc.assert(
      fc.property(tree, (obj) => {
        const cfg = new ConfigDict(obj);
        const back = ConfigDict.fromYaml(cfg.toYaml());
        expect(back.toDict()).toEqual(obj);
        expect(back.equals(cfg)).toBe(true);
      }),
    );
  });

  it('toDict with preserved references keeps sharing and values', () => {
    fc.assert(
      fc.property(fc.dictionary(key, primitive, { minKeys: 1, maxKeys: 5 }), fc.nat(), (obj, pick) => {
        const cfg = new ConfigDict(obj);
        const keys = cfg.keys();
        const source = keys[pick % keys.length]!;
        if (cfg[source] === null) return;
        cfg.set('linked', cfg.getRef(source));
        const out = cfg.toDict({ preserveFieldReferences: true });
        expect(out.linked).toBeInstanceOf(FieldReference);
        expect(out.linked).toBe(out[source]);
        expect(out.linked.get()).toEqual(obj[source]);
        expect(cfg.toDict()).toEqual({ ...obj, linked: obj[source] });
      }),
    );
  });

  it('FrozenConfigDicts of equal data are equal and hash alike; thawing gives the data back', () => {
    fc.assert(
      fc.property(tree, (obj) => {
        const a = new FrozenConfigDict(obj);
        const b = new FrozenConfigDict(structuredClone(obj));
        expect(a.equals(b)).toBe(true);
        expect(a.hash()).toBe(b.hash());
        expect(a.toDict()).toEqual(obj);
        expect(a.asConfigdict().equals(new ConfigDict(obj))).toBe(true);
        expect(new FrozenConfigDict(a.asConfigdict()).equals(a)).toBe(true);
      }),
    );
  });
});

describe('flattened updates', () => {
  const scenario = leafTree.chain((obj) => {
    const paths = leaves(obj);
    return fc.tuple(
      fc.constant(obj),
      fc
        .subarray(paths, { minLength: 0 })
        .chain((chosen) => fc.tuple(...chosen.map(([p, v]) => fc.tuple(fc.constant(p), sameType(v))))),
    );
  });

  it('updateFromFlattenedDict sets every dotted path like a plain nested assignment', () => {
    fc.assert(
      fc.property(scenario, ([obj, updates]) => {
        const cfg = new ConfigDict(obj);
        const expected = structuredClone(obj);
        for (const [p, v] of updates) setPath(expected, p, v);
        cfg.updateFromFlattenedDict(new Map(updates));
        expect(cfg.toDict()).toEqual(expected);
      }),
    );
  });

  it('stripPrefix selects and strips the prefixed paths only', () => {
    fc.assert(
      fc.property(scenario, fc.dictionary(key, number, { maxKeys: 3 }), ([obj, updates], noise) => {
        const cfg = new ConfigDict(obj);
        const expected = structuredClone(obj);
        for (const [p, v] of updates) setPath(expected, p, v);
        const flat = new Map<string, unknown>(updates.map(([p, v]) => [`config.${p}`, v]));
        for (const [k, v] of Object.entries(noise)) flat.set(`other.${k}`, v);
        cfg.updateFromFlattenedDict(flat, 'config.');
        expect(cfg.toDict()).toEqual(expected);
      }),
    );
  });

  it('an unknown intermediate path throws and names the key', () => {
    fc.assert(
      fc.property(leafTree, key, key, (obj, missing, leaf) => {
        fc.pre(!Object.hasOwn(obj, missing));
        const cfg = new ConfigDict(obj);
        const flat = { [`${missing}.${leaf}`]: 1 };
        expect(() => cfg.updateFromFlattenedDict(flat)).toThrow(
          `Key "${missing}.${leaf}" cannot be set as "${missing}" was not found.`,
        );
      }),
    );
  });

  it('update() with same-typed values equals a recursive merge', () => {
    const merge = (into: { [k: string]: Json }, from: { [k: string]: Json }) => {
      for (const [k, v] of Object.entries(from)) {
        const cur = into[k];
        if (cur && typeof cur === 'object' && !Array.isArray(cur) && v && typeof v === 'object' && !Array.isArray(v)) {
          merge(cur, v);
        } else setPath(into, k, v);
      }
    };
    fc.assert(
      fc.property(scenario, ([obj, updates]) => {
        const patch: { [k: string]: Json } = {};
        for (const [p, v] of updates) {
          const parts = p.split('.');
          let cur = patch;
          for (const part of parts.slice(0, -1)) {
            if (!Object.hasOwn(cur, part)) setPath(cur, part, {});
            cur = cur[part] as { [k: string]: Json };
          }
          setPath(cur, parts[parts.length - 1]!, v);
        }
        const cfg = new ConfigDict(obj);
        const expected = structuredClone(obj);
        merge(expected, patch);
        cfg.update(patch);
        expect(cfg.toDict()).toEqual(expected);
      }),
    );
  });
});

describe('Python arithmetic', () => {
  it('floordiv and mod satisfy a == b * (a // b) + a % b with the sign of b', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -1000, max: 1000 }), (a, b) => {
        fc.pre(b !== 0);
        const r = new FieldReference(a);
        const q = r.floordiv(b).get();
        const m = r.mod(b).get();
        expect(b * q + m).toBe(a);
        expect(m === 0 || Math.sign(m) === Math.sign(b)).toBe(true);
        expect(Math.abs(m)).toBeLessThan(Math.abs(b));
        const bq = new FieldReference(BigInt(a)).floordiv(BigInt(b)).get();
        expect(bq).toBe(BigInt(q));
      }),
    );
  });

  it('float mod has the sign of the divisor and magnitude below it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        (a, b) => {
          fc.pre(Math.abs(b) > 1e-6);
          const m = new FieldReference(a).mod(b).get();
          expect(m === 0 || Math.sign(m) === Math.sign(b)).toBe(true);
          expect(Math.abs(m)).toBeLessThanOrEqual(Math.abs(b));
        },
      ),
    );
  });

  it('and/or/xor on integers match bitwise BigInt arithmetic', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.maxSafeNat(), (a, b) => {
        expect(new FieldReference(a).and(b).get()).toBe(Number(BigInt(a) & BigInt(b)));
        expect(new FieldReference(a).or(b).get()).toBe(Number(BigInt(a) | BigInt(b)));
        expect(new FieldReference(a).xor(b).get()).toBe(Number(BigInt(a) ^ BigInt(b)));
      }),
    );
  });
});
