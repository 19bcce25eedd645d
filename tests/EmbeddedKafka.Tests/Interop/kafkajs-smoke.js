// Manual interoperability check with KafkaJS, a client that implements the Kafka protocol itself (no librdkafka).
// Not part of `dotnet test` (the tests need only the SDK and NuGet). Run:
//   dotnet run --project src/ChaosRunner -c Release -- broker --port 9092 --data-dir /tmp/ek --group-initial-rebalance-delay-ms 0 &
//   mkdir -p /tmp/kjs && cd /tmp/kjs && npm install kafkajs@2 && node <repo>/tests/EmbeddedKafka.Tests/Interop/kafkajs-smoke.js 127.0.0.1:9092
// Expected: topics [ 'js' ], consumed 1000, committed offsets summing to 1000, group jsg listed, state Empty, after delete [].
const { Kafka, logLevel } = require('kafkajs');
const broker = process.argv[2];
(async () => {
  const kafka = new Kafka({ clientId: 'kjs', brokers: [broker], logLevel: logLevel.WARN });
  const admin = kafka.admin(); await admin.connect();
  await admin.createTopics({ topics: [{ topic: 'js', numPartitions: 3 }] });
  console.log('topics', await admin.listTopics());
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 }); await producer.connect();
  for (let i = 0; i < 10; i++) await producer.send({ topic: 'js', acks: -1, compression: 1, messages: Array.from({length: 100}, (_, j) => ({ key: 'k' + (j % 7), value: String(i * 100 + j) })) });
  await producer.disconnect();
  const consumer = kafka.consumer({ groupId: 'jsg', sessionTimeout: 10000 });
  await consumer.connect(); await consumer.subscribe({ topic: 'js', fromBeginning: true });
  let n = 0;
  await new Promise(resolve => consumer.run({ eachMessage: async ({ partition, message }) => { n++; if (n === 1000) resolve(); } }));
  console.log('consumed', n);
  await consumer.disconnect();
  console.log('offsets', JSON.stringify(await admin.fetchOffsets({ groupId: 'jsg', topics: ['js'] })));
  console.log('groups', JSON.stringify(await admin.listGroups()));
  console.log('describe', JSON.stringify((await admin.describeGroups(['jsg'])).groups.map(g => g.state)));
  await admin.deleteTopics({ topics: ['js'] });
  console.log('after delete', await admin.listTopics());
  await admin.disconnect();
})().catch(e => { console.error('FAILED', e); process.exit(1); });
