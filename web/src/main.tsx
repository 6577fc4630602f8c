import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { ConsoleApp } from './console/console-app.tsx';
import { SessionProvider } from './session.tsx';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
// One build serves the super app and, under /console, the consoles.
createRoot(root).render(
  <StrictMode>
    {window.location.pathname.startsWith('/console') ? (
      <ConsoleApp />
    ) : (
      <SessionProvider>
        <App />
      </SessionProvider>
    )}
  </StrictMode>,
);
