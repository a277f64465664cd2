import type { Child } from 'hono/jsx';
import type { Principal } from '../auth/principal.js';
import { listSectionsFor, sectionLabels, sectionPaths, type WebSection } from './page-access.js';

export interface Flash {
  kind: 'ok' | 'error';
  text: string;
}

export interface PageLayoutProps {
  title: string;
  principal: Principal | null;
  section?: WebSection;
  flash?: Flash | null;
  lang?: string;
  /** Labels of the chrome, for the Spanish portal. */
  chrome?: { skip: string; logOut: string; signedInAs: string; title?: string };
  children?: Child;
}

const englishChrome: NonNullable<PageLayoutProps['chrome']> = { skip: 'Skip to content', logOut: 'Log out', signedInAs: 'Signed in as' };

/** The page frame: skip link, role-aware navigation (only the desks the role may open), flash message. */
export function PageLayout(props: PageLayoutProps) {
  const chrome = props.chrome ?? englishChrome;
  const sections = props.principal ? listSectionsFor(props.principal.role) : [];
  return (
    <html lang={props.lang ?? 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Case engine`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        <script src="/assets/app.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">{chrome.skip}</a>
        <header class="top">
          <a class="brand" href="/">Case engine</a>
          {sections.length > 0 && (
            <nav aria-label="Main">
              <ul>
                {sections.map((section) => (
                  <li>
                    <a href={sectionPaths[section]} aria-current={section === props.section ? 'page' : undefined}>{section === 'portal' && chrome.title ? chrome.title : sectionLabels[section]}</a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {props.principal && (
            <div class="who">
              <span>{chrome.signedInAs} <strong>{props.principal.displayName}</strong> ({props.principal.role})</span>
              <form method="post" action="/logout">
                <input type="hidden" name="_csrf" value={props.principal.csrfToken ?? ''} />
                <button class="secondary" type="submit">{chrome.logOut}</button>
              </form>
            </div>
          )}
        </header>
        <main id="main" tabindex={-1}>
          {props.flash && <div class={`flash ${props.flash.kind}`} role={props.flash.kind === 'error' ? 'alert' : 'status'}>{props.flash.text}</div>}
          {props.children}
        </main>
      </body>
    </html>
  );
}
