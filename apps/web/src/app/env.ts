/**
 * The build: `vite build --mode static` (npm run build:static) is the replay-only site —
 * no live lab, no socket.io, the bundled examples — that works from any static folder.
 */
export const STATIC_BUILD: boolean = import.meta.env.MODE === 'static';
