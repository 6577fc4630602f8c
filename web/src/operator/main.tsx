import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OperatorConsole } from './operator-console.tsx';
import '../console/kit/console.css';
import './operator.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from operator/index.html');
createRoot(root).render(
  <StrictMode>
    <OperatorConsole />
  </StrictMode>,
);
