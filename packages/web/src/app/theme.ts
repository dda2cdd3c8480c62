import { Badge, createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 on white passes WCAG AA for normal text (the default shade 6 does not).
  primaryShade: { light: 8, dark: 4 },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
  defaultRadius: 'sm',
  // Someone who asked their system for less motion gets dialogs and menus without their fade and slide.
  respectReducedMotion: true,
  components: {
    // A light badge's own text shade is below 4.5:1 on its tint (orange 9 too): its words take the text
    // colour, and the tint says the rest.
    Badge: Badge.extend({
      styles: (_theme, props) =>
        props.variant === 'light' ? { label: { color: 'var(--mantine-color-text)' } } : {},
    }),
  },
});

/**
 * Mantine's "dimmed" grey is below 4.5:1 on white; secondary text here must stay readable. So is its
 * error red (red 6, 3.3:1): every field's error message and red border use red 8 (5.7:1) instead.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
  },
  dark: {},
});
