package org.netdicom.core.pdu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of the decoder and the reader. Every mutated PDU must decode to a
 * {@link Pdu} or fail with {@link PduFormatException} (the reader may also report an
 * {@link EOFException}); nothing else may escape and nothing may hang. A PDU that does decode must
 * survive re-encoding: encode and decode again gives the same record.
 */
class PduFuzzTest {

    private static final long SEED = 0x5EED_D1C0L;
    private static final int ITERATIONS = 20_000;

    @Test
    void decoderReturnsAPduOrThrowsPduFormatExceptionForRandomMutations() {
        List<byte[]> seeds = seeds();
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            Random random = new Random(SEED);
            PduDecoder decoder = new PduDecoder();
            PduEncoder encoder = new PduEncoder();
            for (int i = 0; i < ITERATIONS; i++) {
                byte[] pdu = mutate(seeds.get(random.nextInt(seeds.size())), random);
                if (pdu.length < Pdu.HEADER_LENGTH) {
                    continue;
                }
                int type = pdu[0] & 0xFF;
                try {
                    Pdu decoded = decoder.decode(type, pdu, Pdu.HEADER_LENGTH, pdu.length - Pdu.HEADER_LENGTH);
                    outcomes[0]++;
                    assertEquals(type, decoded.type());
                    assertEquals(decoded, ByteVector.decode(encoder.encode(decoded)),
                            () -> "re-encoding changed " + decoded);
                    decoded.toString();
                } catch (PduFormatException expected) {
                    outcomes[1]++;
                    assertTrue(expected.offset() >= 0 && expected.offset() <= pdu.length, expected.getMessage());
                } catch (RuntimeException | Error e) {
                    throw new AssertionError("iteration " + i + " escaped with " + e + " for "
                            + Hex.bytes(pdu, 0, pdu.length), e);
                }
            }
        });
        assertTrue(outcomes[0] > 1000 && outcomes[1] > 1000,
                "both outcomes are exercised: decoded " + outcomes[0] + ", rejected " + outcomes[1]);
    }

    @Test
    void readerReturnsAPduOrThrowsPduFormatOrEofExceptionForRandomMutations() {
        List<byte[]> seeds = seeds();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            Random random = new Random(SEED + 1);
            for (int i = 0; i < ITERATIONS / 4; i++) {
                byte[] stream = mutate(seeds.get(random.nextInt(seeds.size())), random);
                PduReader reader = new PduReader(new ByteArrayInputStream(stream), 16384, 4096);
                try {
                    while (reader.read() != null) {
                        // drain: a mutation may leave several PDUs, or trailing garbage
                    }
                } catch (PduFormatException | EOFException expected) {
                    // the two ways a bad stream may end
                } catch (RuntimeException | Error e) {
                    throw new AssertionError("iteration " + i + " escaped with " + e, e);
                }
            }
        });
    }

    private static List<byte[]> seeds() {
        PduEncoder encoder = new PduEncoder();
        List<byte[]> seeds = new ArrayList<>();
        for (Pdu pdu : SamplePdus.all()) {
            seeds.add(encoder.encode(pdu));
        }
        seeds.add(PduVectorsTest.ASSOCIATE_RQ);
        seeds.add(PduVectorsTest.ASSOCIATE_AC);
        seeds.add(PduVectorsTest.P_DATA_TF);
        seeds.add(PeerPaddingTest.PADDED_RQ);
        return seeds;
    }

    /** One to four random edits: byte flips, boundary values, truncation, insertion, deletion. */
    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(7)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 2 -> b[at] = random.nextBoolean() ? 0 : (byte) 0xFF;
                case 3 -> b[at] = (byte) (b[at] + (random.nextBoolean() ? 1 : -1));
                case 4 -> b = Arrays.copyOf(b, at);
                case 5 -> {
                    byte[] longer = new byte[b.length + 1 + random.nextInt(8)];
                    System.arraycopy(b, 0, longer, 0, at);
                    for (int i = at; i < at + longer.length - b.length; i++) {
                        longer[i] = (byte) random.nextInt(256);
                    }
                    System.arraycopy(b, at, longer, at + longer.length - b.length, b.length - at);
                    b = longer;
                }
                default -> {
                    byte[] shorter = new byte[b.length - 1];
                    System.arraycopy(b, 0, shorter, 0, at);
                    System.arraycopy(b, at + 1, shorter, at, b.length - at - 1);
                    b = shorter;
                }
            }
        }
        return b;
    }
}
