/** Baan's green: the browser's bar (`theme-color`), the installed app's, the icons' (public/favicon.svg). */
export const THEME_COLOR = '#1f6f43';
