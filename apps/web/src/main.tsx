/** The entry point: mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import './styles.css';

// An inline icon: no /favicon.ico request (a 404 on a static host, the app's HTML on the runtime).
const icon = document.createElement('link');
icon.rel = 'icon';
icon.href = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#151922"/><path d="M4 4.5v7l6-3.5z" fill="#56b4e9"/><rect x="10.5" y="4.5" width="1.8" height="7" fill="#e69f00"/></svg>',
)}`;
document.head.append(icon);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
