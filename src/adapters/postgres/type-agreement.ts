/**
 * Type-level checks that a zod schema and the domain type it reads agree, so changing one without
 * the other fails `npm run typecheck`. Types only: nothing here exists at run time.
 */

type Primitive = string | number | boolean | bigint | symbol | null | undefined;

/**
 * `readonly` all the way down. The domain's types are readonly and zod's outputs are not; that
 * difference is a compile-time promise, not a difference in the stored JSON, so agreement ignores it.
 */
type DeepReadonly<T> = T extends Primitive
  ? T
  : T extends readonly (infer Item)[]
    ? readonly DeepReadonly<Item>[]
    : { readonly [K in keyof T]: DeepReadonly<T[K]> };

/**
 * `true` when `A` and `B` describe the same JSON, `false` otherwise. Identity, not assignability
 * both ways: assignability lets an optional field exist on one side only, so a field added to the
 * domain as optional (or to the schema) would slip through. Identity catches that too, as well as a
 * field that is optional on one side and required on the other, or nullable on one side only.
 */
export type SameShape<A, B> =
  (<T>() => T extends DeepReadonly<A> ? 1 : 2) extends <T>() => T extends DeepReadonly<B> ? 1 : 2
    ? true
    : false;

/** Compiles only when given `true`: `export type Checked = Assert<SameShape<Schema, Domain>>`. */
export type Assert<T extends true> = T;

/**
 * The discriminant values (`K`, such as `status` or `type`) of the members of the `Domain` union
 * whose shape differs from the `Schema` member with the same value; `never` when all agree.
 * Distributive on purpose: written as a mapped type over the keys, the same check gave every key
 * the same answer under TypeScript 5.9 (all `false` when one member drifted), so it could not say
 * which member that was.
 */
export type Disagreeing<Schema, Domain, K extends PropertyKey> = Domain extends {
  readonly [P in K]: infer V;
}
  ? SameShape<Extract<Schema, { readonly [P in K]: V }>, Domain> extends true
    ? never
    : V
  : never;

/** Compiles only when given `never`; otherwise the compiler names what it was given. */
export type NoneDisagree<T extends never> = T;
