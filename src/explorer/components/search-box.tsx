import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { gql } from '../api.js';

export interface Suggestion {
  readonly matched: string;
  readonly matchedAlias: boolean;
  readonly node: { readonly __typename: string; readonly seedId: string; readonly name: string };
}

const SUGGEST = `query Suggest($text: String!) {
  search(text: $text, first: 8) { matched matchedAlias node { __typename ... on Entity { seedId name } } }
}`;

/** Letters or digits: what the API can search for. */
const searchable = (text: string) => /[\p{L}\p{N}]/u.test(text);

/**
 * A search field with suggestions as you type (names and aliases, each with its kind), built as an
 * ARIA combobox: arrows move through the suggestions, Enter picks one (or submits the text), Escape
 * closes them. `onPick` gets a chosen suggestion; `onSubmit`, when given, the text itself.
 */
export function SearchBox(props: {
  readonly label: string;
  readonly initial?: string;
  readonly placeholder?: string;
  readonly onPick: (s: Suggestion) => void;
  readonly onSubmit?: (text: string) => void;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(props.initial ?? '');
  const [suggestions, setSuggestions] = useState<readonly Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const asked = useRef(0);

  useEffect(() => setText(props.initial ?? ''), [props.initial]);

  useEffect(() => {
    // Every change of text outdates the answers in flight and the suggestions shown.
    const ask = ++asked.current;
    setSuggestions([]);
    setActive(-1);
    if (!searchable(text)) return;
    // A pause in typing before asking: one request per word typed, not per key.
    const timer = window.setTimeout(() => {
      gql<{ search: Suggestion[] }>(SUGGEST, { text: text.slice(0, 200) }).then(
        (data) => {
          if (ask !== asked.current) return;
          setSuggestions(data.search);
          setActive(-1);
        },
        () => ask === asked.current && setSuggestions([]),
      );
    }, 120);
    return () => window.clearTimeout(timer);
  }, [text]);

  const pick = (s: Suggestion) => {
    setOpen(false);
    setText(s.node.name);
    props.onPick(s);
  };

  const expanded = open && suggestions.length > 0;
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for some browsers people use; a form with role search is the same landmark.
    <form
      class="search-box"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        const chosen = suggestions[active];
        if (expanded && chosen) pick(chosen);
        else if (props.onSubmit && searchable(text)) {
          setOpen(false);
          props.onSubmit(text);
        } else if (suggestions[0]) pick(suggestions[0]);
      }}
    >
      <label for={id}>{props.label}</label>
      <div class="combo">
        <input
          id={id}
          type="search"
          role="combobox"
          autoComplete="off"
          spellcheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          placeholder={props.placeholder}
          value={text}
          onInput={(event) => {
            setText((event.target as HTMLInputElement).value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => window.setTimeout(() => setOpen(false), 150)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              setOpen(true);
              setActive((i) => Math.min(suggestions.length - 1, i + 1));
            } else if (event.key === 'ArrowUp') {
              event.preventDefault();
              setActive((i) => Math.max(-1, i - 1));
            } else if (event.key === 'Escape') {
              setOpen(false);
            }
          }}
        />
        <button type="submit">{props.onSubmit ? 'Search' : 'Go'}</button>
        {/* The ARIA combobox pattern (WAI-ARIA APG): a listbox of options that focus never enters;
            the input keeps focus and points at the active option with aria-activedescendant. */}
        {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the APG listbox pattern */}
        <ul id={listId} role="listbox" aria-label={`${props.label}: suggestions`} hidden={!expanded}>
          {suggestions.map((s, i) => (
            // biome-ignore lint/a11y/useFocusableInteractive: the APG listbox pattern; options are reached with aria-activedescendant
            <li
              key={s.node.seedId}
              id={`${listId}-${i}`}
              // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the APG listbox pattern
              role="option"
              aria-selected={i === active}
              class={i === active ? 'active' : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(s);
              }}
            >
              <span class="name">{s.node.name}</span>
              {s.matchedAlias ? <span class="alias"> (as {s.matched})</span> : null}
              <span class={`kind kind-${s.node.__typename}`}>{s.node.__typename}</span>
            </li>
          ))}
        </ul>
      </div>
    </form>
  );
}
