import { MantineProvider } from '@mantine/core';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

/*
 * Unit tests of components without a browser: the HTML of a first render (what the user and
 * assistive technology are given), and what a hook hands its component.
 */

/** The HTML an element renders first, inside Mantine's provider. */
export function staticMarkup(element: ReactElement): string {
  return renderToStaticMarkup(createElement(MantineProvider, null, element));
}

export interface MarkupElement {
  attributes: Readonly<Record<string, string>>;
  /** The text inside, without tags. */
  text: string;
}

/** Every element with this tag name, in document order. Not for elements that nest in themselves (div). */
export function elementsOf(html: string, tag: string): MarkupElement[] {
  const pattern = new RegExp(`<${tag}(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${tag}>)`, 'g');
  return [...html.matchAll(pattern)].map((match) => ({
    attributes: Object.fromEntries(
      [...(match[1] ?? '').matchAll(/([\w:-]+)(?:="([^"]*)")?/g)].map((a) => [a[1] ?? '', a[2] ?? '']),
    ),
    text: (match[2] ?? '').replace(/<[^>]*>/g, ''),
  }));
}

/** The text of the element with this id (one that holds no element of its own tag name). */
export function textOfId(html: string, id: string): string | undefined {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`<(\\w+)[^>]*\\sid="${escaped}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  return match?.[2]?.replace(/<[^>]*>/g, '');
}

/** The text of the label element for the control with this id. */
export function labelFor(html: string, id: string | undefined): string | undefined {
  return elementsOf(html, 'label').find((label) => label.attributes.for === id)?.text;
}

/**
 * What a hook returns on its first render. Its callbacks can be called afterwards: the state updates
 * they make go nowhere (React's server renderer drops them), what they return and call is real.
 */
export function firstRenderOf<T>(hook: () => T): T {
  const rendered: T[] = [];
  function Probe() {
    rendered.push(hook());
    return null;
  }
  renderToStaticMarkup(createElement(Probe));
  const [result] = rendered;
  if (result === undefined) throw new Error('the hook did not run');
  return result;
}
