// `npm start`: React and React Router read NODE_ENV when first imported, so set it before
// anything else loads, then start the server.
process.env.NODE_ENV ??= 'production';
await import('./server.mjs');
