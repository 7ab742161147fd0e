/** Login page path inside the admin app, remembering where to return after signing in. */
export function loginPathFor(appPath: string): string {
  return appPath === '/' ? '/login' : `/login?redirect=${encodeURIComponent(appPath)}`;
}

/**
 * The page to open after login. Only paths inside the app are accepted, so a crafted link
 * (`?redirect=//evil.example`) cannot send a freshly signed-in user to another site.
 */
export function redirectTargetFrom(redirect: string | null): string {
  if (!redirect || !redirect.startsWith('/') || redirect.startsWith('//') || redirect.startsWith('/login')) {
    return '/';
  }
  return redirect;
}
