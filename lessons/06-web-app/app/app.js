// The course's web app: the page in public/ and a JSON route that reports the
// IP address of the host or container the app runs on. Behind a load balancer
// or across several tasks, that address tells which copy answered.
const express = require('express');
const os = require('os');
const path = require('path');

const app = express();
const port = Number(process.env.PORT) || 3000;

// The first IPv4 address that is not loopback: in a Fargate task (awsvpc) it
// is the task's private address in the VPC; on a laptop, the laptop's.
function hostAddresses() {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((address) => address && address.family === 'IPv4' && !address.internal)
    .map((address) => address.address);
}

// Inside an ECS task, the container metadata endpoint (task metadata v4) names
// the task's own address in the VPC; ask it first, and fall back to the
// network interfaces anywhere else.
async function taskAddress() {
  const endpoint = process.env.ECS_CONTAINER_METADATA_URI_V4;
  if (!endpoint) return null;
  try {
    const response = await fetch(endpoint, { signal: AbortSignal.timeout(1000) });
    const metadata = await response.json();
    return metadata?.Networks?.[0]?.IPv4Addresses?.[0] || null;
  } catch {
    return null;
  }
}

app.use(express.static(path.join(__dirname, 'public')));

app.get('/api/ip', async (req, res) => {
  const addresses = hostAddresses();
  const fromTask = await taskAddress();
  res.json({
    ip: fromTask || addresses[0] || '127.0.0.1',
    source: fromTask ? 'ecs-task-metadata' : 'network-interfaces',
    addresses,
    hostname: os.hostname(),
    port,
  });
});

app.listen(port, () => {
  console.log(`ecslab-web listening on port ${port}`);
});
