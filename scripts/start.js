// `npm start`: build when needed, then serve (the database is migrated and the demo seeded on first request handling).
import './build-if-needed.js';
await import('./server.js');
