"""kafka-python (a client with its own protocol code, no librdkafka) against the embedded broker.

Run by KafkaPythonInteropTests as `python3 kafka_python_client.py MODE BOOTSTRAP ARGS...`; prints one JSON
object on stdout and exits 0, or prints the error on stderr and exits 1. The modes only drive the client
and report what it saw; the C# tests make the assertions. Loops that wait for the broker stop at a hang
guard (far above what a healthy run needs), never on a short timer.

  version                                   kafka-python's version
  produce  BOOT TOPIC N KEYS                KafkaProducer(acks='all'): N messages, key k{i % KEYS}, value v{i}
  consume  BOOT TOPIC GROUP N               KafkaConsumer in GROUP from earliest until N messages, then commit
  caughtup BOOT TOPIC GROUP                 a new consumer in GROUP: its positions after joining (committed ones)
  admin    BOOT TOPIC PARTITIONS            KafkaAdminClient: create_topics, list_topics, describe the topic
  groups   BOOT GROUP TOPIC                 KafkaAdminClient: list and describe groups, GROUP's offsets, delete TOPIC
  pair     BOOT TOPIC GROUP                 two consumers in GROUP (one thread each) until both hold partitions
                                            of the same generation; prints each one's assignment
"""
import json
import sys
import threading
import time

import kafka
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import NewTopic
from kafka.protocol.parser import KafkaProtocol

HANG_GUARD_S = 90

# kafka-python decodes a response with the layout of the version it asked and ignores bytes left over, so a
# broker that writes a field the version does not have goes unnoticed until it shifts a later field. Every
# response is checked to be consumed to its last byte; the ones that are not are reported as 'undecoded'.
UNDECODED = []
_process_response = KafkaProtocol._process_response


def _process_response_exactly(self, read_buffer):
    request = type(self.in_flight_requests[0][1]).__name__ if self.in_flight_requests else '?'
    result = _process_response(self, read_buffer)
    if read_buffer.tell() != len(read_buffer):  # a KafkaBytes: the frame after its size
        UNDECODED.append('%s -> %s: %d of %d bytes decoded' % (
            request, type(result[1]).__name__, read_buffer.tell(), len(read_buffer)))
    return result


KafkaProtocol._process_response = _process_response_exactly


def deadline():
    return time.monotonic() + HANG_GUARD_S


def produce(boot, topic, n, keys):
    producer = KafkaProducer(bootstrap_servers=boot, acks='all', linger_ms=5, client_id='kp-producer')
    futures = []
    for i in range(n):
        key, value = 'k%d' % (i % keys), 'v%d' % i
        futures.append((key, value, producer.send(topic, key=key.encode(), value=value.encode())))
    producer.flush(timeout=HANG_GUARD_S)
    sent = []
    for key, value, future in futures:
        metadata = future.get(timeout=HANG_GUARD_S)  # raises the broker's error if the send failed
        sent.append({'key': key, 'value': value, 'partition': metadata.partition, 'offset': metadata.offset})
    producer.close(timeout=HANG_GUARD_S)
    return {'sent': sent}


def group_consumer(boot, group, client_id):
    return KafkaConsumer(bootstrap_servers=boot, group_id=group, client_id=client_id,
                         auto_offset_reset='earliest', enable_auto_commit=False,
                         session_timeout_ms=10000, heartbeat_interval_ms=500, fetch_max_wait_ms=100)


def wait_for_assignment(consumer, give_up):
    while not consumer.assignment():
        if time.monotonic() > give_up:
            raise TimeoutError('no partitions assigned within the hang guard')
        consumer.poll(timeout_ms=100)


def consume(boot, topic, group, n):
    consumer = group_consumer(boot, group, 'kp-consumer')
    consumer.subscribe([topic])
    received = []
    give_up = deadline()
    while len(received) < n:
        if time.monotonic() > give_up:
            raise TimeoutError('got %d of %d messages within the hang guard' % (len(received), n))
        for records in consumer.poll(timeout_ms=200).values():
            for r in records:
                received.append({'key': r.key.decode(), 'value': r.value.decode(), 'partition': r.partition, 'offset': r.offset})
    consumer.commit()
    committed = {str(tp.partition): consumer.committed(tp) for tp in sorted(consumer.assignment())}
    consumer.close()
    return {'received': received, 'committed': committed}


def caught_up(boot, topic, group):
    consumer = group_consumer(boot, group, 'kp-restarted')
    consumer.subscribe([topic])
    wait_for_assignment(consumer, deadline())
    assignment = sorted(consumer.assignment())
    # position() fetches the committed offset (or resets) for each partition; the log ends come from ListOffsets.
    positions = {str(tp.partition): consumer.position(tp) for tp in assignment}
    ends = {str(tp.partition): offset for tp, offset in consumer.end_offsets(assignment).items()}
    extra = [r.offset for records in consumer.poll(timeout_ms=500).values() for r in records]
    consumer.close()
    return {'positions': positions, 'end_offsets': ends, 'polled_after_join': extra}


def admin(boot, topic, partitions):
    client = KafkaAdminClient(bootstrap_servers=boot, client_id='kp-admin')
    response = client.create_topics([NewTopic(name=topic, num_partitions=partitions, replication_factor=1)])
    created = [[name, code] for name, code, *_ in response.topic_errors]
    topics = sorted(client.list_topics())
    described = client.describe_topics([topic])
    client.close()
    return {'created': created, 'topics': topics,
            'partitions': sorted(p['partition'] for t in described for p in t['partitions'])}


def groups(boot, group, topic):
    client = KafkaAdminClient(bootstrap_servers=boot, client_id='kp-admin')
    listed = sorted([name, protocol_type] for name, protocol_type in client.list_consumer_groups())
    described = [{'group': g.group, 'state': g.state, 'protocol_type': g.protocol_type, 'members': len(g.members)}
                 for g in client.describe_consumer_groups([group])]
    offsets = {str(tp.partition): o.offset for tp, o in client.list_consumer_group_offsets(group).items() if tp.topic == topic}
    deleted = [[name, code] for name, code in client.delete_topics([topic]).topic_error_codes]
    topics = sorted(client.list_topics())
    client.close()
    return {'listed': listed, 'described': described, 'offsets': offsets, 'deleted': deleted, 'topics_after_delete': topics}


def pair(boot, topic, group):
    members = [group_consumer(boot, group, 'kp-member-%d' % i) for i in range(2)]
    state = [{'generation': -1, 'partitions': []} for _ in members]
    lock = threading.Lock()
    stop = threading.Event()
    errors = []

    class Listener(kafka.ConsumerRebalanceListener):
        def __init__(self, index):
            self.index = index

        def on_partitions_revoked(self, revoked):
            with lock:
                state[self.index] = {'generation': -1, 'partitions': []}

        def on_partitions_assigned(self, assigned):
            generation = members[self.index]._coordinator._generation.generation_id
            with lock:
                state[self.index] = {'generation': generation, 'partitions': sorted(tp.partition for tp in assigned)}

    def settled():
        with lock:
            return all(s['partitions'] for s in state) and len({s['generation'] for s in state}) == 1

    def run(index):
        try:
            members[index].subscribe([topic], listener=Listener(index))
            while not stop.is_set():
                members[index].poll(timeout_ms=100)
        except Exception as e:  # reported by the main thread
            errors.append(repr(e))
            stop.set()

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(len(members))]
    for t in threads:
        t.start()
    give_up = deadline()
    while not stop.is_set() and not settled():
        if time.monotonic() > give_up:
            errors.append('members did not settle within the hang guard: %s' % json.dumps(state))
            break
        time.sleep(0.05)
    stop.set()
    for t in threads:
        t.join()
    for m in members:
        m.close()
    if errors:
        raise RuntimeError('; '.join(errors))
    return {'members': state}


def main(argv):
    mode = argv[0]
    if mode == 'version':
        return {'version': kafka.__version__}
    boot = argv[1]
    if mode == 'produce':
        return produce(boot, argv[2], int(argv[3]), int(argv[4]))
    if mode == 'consume':
        return consume(boot, argv[2], argv[3], int(argv[4]))
    if mode == 'caughtup':
        return caught_up(boot, argv[2], argv[3])
    if mode == 'admin':
        return admin(boot, argv[2], int(argv[3]))
    if mode == 'groups':
        return groups(boot, argv[2], argv[3])
    if mode == 'pair':
        return pair(boot, argv[2], argv[3])
    raise ValueError('unknown mode ' + mode)


if __name__ == '__main__':
    try:
        output = main(sys.argv[1:])
        output['undecoded'] = sorted(set(UNDECODED))
        print(json.dumps(output))
    except Exception as e:
        import traceback
        traceback.print_exc()
        sys.exit(1)
