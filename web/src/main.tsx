import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { I18nProvider } from './i18n.tsx';
import { MetaProvider } from './meta.tsx';
import { sessionCovers } from './session.ts';
import './styles.css';

/**
 * A mail link looks like /#login=<token>, or /me/offers/<id>#login=<token> for the page it opens.
 * The token is taken and removed from the address bar before anything renders, so it stays out of
 * the history, bookmarks and shared screenshots. A browser with a session of the same expert shows
 * the page at once and leaves the token unused.
 */
function takeLoginTokenFromUrl(): string | null {
  const { hash, pathname, search } = window.location;
  if (!hash.startsWith('#login=')) return null;
  window.history.replaceState(null, '', pathname + search);
  let token = '';
  try {
    token = decodeURIComponent(hash.slice('#login='.length));
  } catch {
    // a damaged link: the login page explains
  }
  return token && !sessionCovers(token) ? token : null;
}

const loginToken = takeLoginTokenFromUrl();
// A mail link pasted into a tab that already shows the app only changes the fragment: start over.
window.addEventListener('hashchange', () => {
  if (window.location.hash.startsWith('#login=')) window.location.reload();
});
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <MetaProvider>
        <App loginToken={loginToken} />
      </MetaProvider>
    </I18nProvider>
  </StrictMode>,
);
