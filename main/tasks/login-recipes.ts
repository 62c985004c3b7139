// Per-site login recipes for WebArena deployments (docs/design/WEBARENA.md §1.4: require_login /
// storage_state). Data, not code: each recipe says where the login form is, which fields take the account's
// username and password, and which control submits it — mirroring what WebArena's auto_login does for each
// site. The default accounts are the ones the WebArena docker images ship with (public benchmark facts);
// a deployment with other accounts sets <SITE>_USERNAME / <SITE>_PASSWORD (or WA_<SITE>_…).

/** How a recipe finds an element: by its label, placeholder, data-testid, or role and accessible name. */
export type LoginLocator =
  | { label: string }
  | { placeholder: string }
  | { testId: string }
  | { role: 'button' | 'link'; name: string };

export interface LoginRecipe {
  /** WebArena's site name. */
  site: 'shopping' | 'shopping_admin' | 'reddit' | 'gitlab';
  /** The environment-variable stem of the site (SHOPPING, SHOPPING_ADMIN, REDDIT, GITLAB). */
  env: string;
  /** Path of the login page below the site's base URL. */
  loginPath: string;
  /** Clicked before filling, when the form is behind a link (Postmill's "Log in"). */
  open?: LoginLocator;
  username: LoginLocator;
  password: LoginLocator;
  submit: LoginLocator;
  /** After submitting, the URL must no longer contain this (the login page), else the login failed. */
  failedIfUrlContains: string;
  defaultAccount: { username: string; password: string };
}

export const LOGIN_RECIPES: readonly LoginRecipe[] = [
  {
    site: 'shopping', env: 'SHOPPING', loginPath: '/customer/account/login/',
    username: { label: 'Email' }, password: { label: 'Password' }, submit: { role: 'button', name: 'Sign In' },
    failedIfUrlContains: '/customer/account/login', defaultAccount: { username: 'emma.lopez@gmail.com', password: 'Password.123' },
  },
  {
    site: 'shopping_admin', env: 'SHOPPING_ADMIN', loginPath: '',
    username: { placeholder: 'user name' }, password: { placeholder: 'password' }, submit: { role: 'button', name: 'Sign in' },
    failedIfUrlContains: '/admin/auth/login', defaultAccount: { username: 'admin', password: 'admin1234' },
  },
  {
    site: 'reddit', env: 'REDDIT', loginPath: '/login',
    username: { label: 'Username' }, password: { label: 'Password' }, submit: { role: 'button', name: 'Log in' },
    failedIfUrlContains: '/login', defaultAccount: { username: 'MarvelsGrantMan136', password: 'test1234' },
  },
  {
    site: 'gitlab', env: 'GITLAB', loginPath: '/users/sign_in',
    username: { testId: 'username-field' }, password: { testId: 'password-field' }, submit: { testId: 'sign-in-button' },
    failedIfUrlContains: '/users/sign_in', defaultAccount: { username: 'byteblaze', password: 'hello1234' },
  },
];

export function recipeFor(site: string): LoginRecipe | undefined {
  return LOGIN_RECIPES.find((r) => r.site === site);
}

/** The account for a site: <ENV>_USERNAME/<ENV>_PASSWORD (or WA_-prefixed), else the image's default. */
export function accountFor(recipe: LoginRecipe, env: Record<string, string | undefined> = process.env): { username: string; password: string } {
  const read = (key: string) => env[`${recipe.env}_${key}`] ?? env[`WA_${recipe.env}_${key}`];
  return { username: read('USERNAME') ?? recipe.defaultAccount.username, password: read('PASSWORD') ?? recipe.defaultAccount.password };
}
