import type { ThemeConfig } from 'antd';

/**
 * The app's colours, chosen to be read on a phone in the sun: every text colour below reaches
 * WCAG 2.1 AA's 4.5:1 against the background it is drawn on (white, antd's #fafafa/#f5f5f5
 * panels, and each tag's pale background), which antd's defaults do not (its light greys are
 * 3.4:1, its placeholders 1.8:1; the tags' colours are in styles.css). axe-core checks every page
 * with these (e2e/a11y.spec.ts).
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c',
    // secondary texts, descriptions, statistic titles, empty states: 5.3:1 on #f5f5f5
    colorTextTertiary: '#666666',
    colorTextDescription: '#666666',
    // placeholders are read too: 4.7:1 on #fafafa
    colorTextPlaceholder: '#707070',
    colorLink: '#0958d9',
    colorLinkHover: '#1677ff',
    // danger buttons, form errors: 5.5:1 (antd's #ff4d4f is 3.3:1); its pale tints derive well
    colorError: '#cf1322',
    // empty lists, days of the next month in the calendar: read, not disabled controls
    colorTextDisabled: '#707070',
  },
};
