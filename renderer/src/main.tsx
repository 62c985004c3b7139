import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getClient } from './api/client';
import './styles.css';

// First thing on load: the web client takes the access token out of the address bar (api/web-token.ts).
getClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
