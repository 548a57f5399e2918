import type { ComponentChildren } from 'preact';
import type { ConsoleSession } from '../auth/ConsoleSession.ts';
import type { ConsoleAssetHrefs } from '../ConsoleContext.ts';
import { CsrfField } from './CsrfField.tsx';

/** The console's sections, in the order of the navigation bar. */
export const CONSOLE_SECTIONS = [
  { key: 'overview', label: 'Overview', href: '/console' },
  { key: 'orders', label: 'Orders', href: '/console/orders' },
  { key: 'webhooks', label: 'Webhooks', href: '/console/webhooks' },
  { key: 'apps', label: 'Apps', href: '/console/apps' },
  { key: 'networks', label: 'Networks', href: '/console/networks' },
  { key: 'audit', label: 'Audit log', href: '/console/audit' },
  { key: 'account', label: 'Account', href: '/console/account' },
] as const;

export type ConsoleSectionKey = (typeof CONSOLE_SECTIONS)[number]['key'];

export type ConsoleLayoutProps = {
  readonly title: string;
  readonly assets: ConsoleAssetHrefs;
  /** Null on the pages before sign-in: no navigation then. */
  readonly session: ConsoleSession | null;
  readonly active?: ConsoleSectionKey;
  /** A one-line outcome of the last action (post/redirect/get carries it as `?done=`). */
  readonly notice?: string | undefined;
  readonly children: ComponentChildren;
};

/** Every console page: head, navigation with the operator and sign-out, and the page's content. */
export function ConsoleLayout(props: ConsoleLayoutProps) {
  const { session } = props;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex,nofollow" />
        <title>{`${props.title} · Kassa console`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={props.assets.css} />
        <script src={props.assets.js} defer />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="bar">
          <a class="brand" href="/console">
            Kassa
          </a>
          {session === null ? null : <ConsoleNav session={session} active={props.active} />}
        </header>
        <main id="main" class="main">
          <h1>{props.title}</h1>
          {props.notice === undefined ? null : (
            <p class="notice" role="status">
              {props.notice}
            </p>
          )}
          {props.children}
        </main>
      </body>
    </html>
  );
}

function ConsoleNav({
  session,
  active,
}: {
  readonly session: ConsoleSession;
  readonly active: ConsoleSectionKey | undefined;
}) {
  return (
    <>
      <nav class="nav" aria-label="Console">
        <ul>
          {CONSOLE_SECTIONS.map((section) => (
            <li key={section.key}>
              <a href={section.href} aria-current={section.key === active ? 'page' : undefined}>
                {section.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form class="who" method="post" action="/console/sign-out">
        <CsrfField session={session} />
        <span class="who-name">{session.operatorName}</span>
        <button type="submit" class="link">
          Sign out
        </button>
      </form>
    </>
  );
}
