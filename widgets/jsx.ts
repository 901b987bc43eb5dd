/**
 * Types only: what a React 19 app's JSX may set on one of our elements. Each element's module
 * adds its tag to React's `JSX.IntrinsicElements` with `ElementProps`, so
 * `<particle-sso api-base="…" select-org />` type-checks in a TypeScript React app.
 *
 * Written without React's own types on purpose: an app without React that type-checks the
 * package's .d.ts (skipLibCheck off) must not need @types/react, and there the `react`
 * augmentation stays inert.
 */

/** What React does with a ref to a DOM element: an object it fills in, or a callback. */
type ElementRef<E> = { current: E | null } | ((element: E | null) => void) | null;

/** The global HTML attributes a page commonly sets on an element. */
interface GlobalAttributes {
  id?: string;
  className?: string;
  class?: string;
  slot?: string;
  hidden?: boolean;
  title?: string;
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  style?: Record<string, string | number>;
  children?: unknown;
}

/**
 * `Attributes`: the element's attribute names (`api-base`); `Properties`: its public properties
 * (`apiBase`, which React 19 sets as properties); `Events`: event type → event class, each as
 * React 19's `on<type>` listener prop (`onparticle-login`).
 */
export type ElementProps<
  E extends HTMLElement,
  Attributes extends string,
  Properties extends keyof E,
  Events extends Record<string, Event> = Record<never, Event>,
> = GlobalAttributes &
  Partial<Record<Attributes, string | boolean>> &
  Partial<Pick<E, Properties>> & {
    [Type in keyof Events & string as `on${Type}`]?: (event: Events[Type]) => void;
  } & {
    ref?: ElementRef<E>;
  };
