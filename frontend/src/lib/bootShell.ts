/**
 * The app's frame painted by index.html before any script has run, on a repeat visit by the
 * officer last signed in on this device. Taken away once the app has drawn its own shell (or the
 * sign-in form): before that paint, so the two are never seen side by side.
 */
export function dismissBootShell() {
  document.documentElement.classList.remove('booting');
}
