// Starts PostGraphile with graphile.config.mjs (used by benchmarks/run.py).
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { grafserv } from 'postgraphile/grafserv/node';
import preset from './graphile.config.mjs';

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (e) => { console.error(e); process.exit(1); });
serv.addTo(server).catch((e) => { console.error(e); process.exit(1); });
server.listen(preset.grafserv.port, preset.grafserv.host, () => {
  console.log(`peer listening on http://${preset.grafserv.host}:${preset.grafserv.port}/graphql`);
});
