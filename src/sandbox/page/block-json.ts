/** Block Kit JSON, read defensively: the page shows what the bot sent, whatever shape it has. */
export type Json = Readonly<Record<string, unknown>>;

export const isJson = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export const str = (node: Json | undefined, key: string): string => {
  const value = node?.[key];
  return typeof value === 'string' ? value : '';
};

export const obj = (node: Json | undefined, key: string): Json | undefined => {
  const value = node?.[key];
  return isJson(value) ? value : undefined;
};

export const list = (node: Json | undefined, key: string): Json[] => {
  const value = node?.[key];
  return Array.isArray(value) ? value.filter(isJson) : [];
};

/** An option's shown text and value. */
export const optionOf = (option: Json): { value: string; text: string } => ({
  value: str(option, 'value'),
  text: str(obj(option, 'text'), 'text'),
});

/** A select's options, flattened out of `option_groups` when it has them. */
export const optionsOf = (element: Json): Json[] => [
  ...list(element, 'options'),
  ...list(element, 'option_groups').flatMap((group) => list(group, 'options')),
];
