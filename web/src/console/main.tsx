import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DeveloperConsole } from './developer-console.tsx';
import './kit/console.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from console/index.html');
createRoot(root).render(
  <StrictMode>
    <DeveloperConsole />
  </StrictMode>,
);
