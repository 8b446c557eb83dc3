import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { I18nProvider } from './i18n.tsx';
import { MetaProvider } from './meta.tsx';
import './styles.css';

/**
 * A mail link looks like /#login=<token>. The token is taken and removed from the address bar
 * before anything renders, so it stays out of the history, bookmarks and shared screenshots.
 */
function takeLoginTokenFromUrl(): string | null {
  const { hash, pathname, search } = window.location;
  if (!hash.startsWith('#login=')) return null;
  window.history.replaceState(null, '', pathname + search);
  const token = decodeURIComponent(hash.slice('#login='.length));
  return token || null;
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
