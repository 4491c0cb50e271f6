import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** Where the page is: its path and query, as the address bar shows them (every view is a URL). */
export interface Place {
  readonly path: string;
  readonly params: URLSearchParams;
  readonly href: string;
}

const here = (): Place => ({
  path: window.location.pathname,
  params: new URLSearchParams(window.location.search),
  href: window.location.pathname + window.location.search,
});

const MOVED = 'explorer:navigate';

/** Goes to another view without reloading the page; the back button comes back. */
export function navigate(href: string, replace = false): void {
  if (href === here().href) return;
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(MOVED));
  if (!replace) window.scrollTo(0, 0);
}

/** The current place, updated on navigation and on back/forward. */
export function usePlace(): Place {
  const [place, setPlace] = useState(here);
  useEffect(() => {
    const update = () => setPlace(here());
    window.addEventListener('popstate', update);
    window.addEventListener(MOVED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(MOVED, update);
    };
  }, []);
  return place;
}

/** A link to a view: a real link (open in a new tab works), followed in the page on a plain click. */
export function Link(props: {
  readonly href: string;
  readonly children: ComponentChildren;
  readonly class?: string | undefined;
  readonly title?: string | undefined;
  /** The view the page shows now (a navigation link to it says so to screen readers). */
  readonly current?: boolean;
}) {
  return (
    <a
      href={props.href}
      class={props.class}
      title={props.title}
      aria-current={props.current ? 'page' : undefined}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(props.href);
      }}
    >
      {props.children}
    </a>
  );
}

/** The explorer's address of an entity: the seed id where known (readable), else the global id. */
export const entityHref = (id: string): string => `/entity/${encodeURIComponent(id)}`;

export const reportHref = (reportId: string, first?: number, last?: number): string =>
  `/reports/${encodeURIComponent(reportId)}${first ? `?lines=${first}-${last ?? first}#L${first}` : ''}`;
