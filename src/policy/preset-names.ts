/** The built-in policies. */
export const PRESET_NAMES = ['ru-152fz', 'eu-gdpr', 'uk-pecr', 'us-tcpa'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}
