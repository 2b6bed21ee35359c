package org.netdicom.data.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteOrdersTest {
    /** Byte by byte, as the standard describes it: the reference the word-wise swap is held to. */
    private static byte[] reference(byte[] b, int from, int length, int unit) {
        byte[] r = b.clone();
        for (int i = from; i + unit <= from + length; i += unit) {
            for (int k = 0; k < unit; k++) {
                r[i + k] = b[i + unit - 1 - k];
            }
        }
        return r;
    }

    @Test
    void swapsEveryWholeUnitAtAnyOffsetAndLengthAndLeavesAPartialUnit() {
        Random random = new Random(7);
        byte[] data = new byte[70];
        for (int unit : new int[] {1, 2, 4, 8}) {
            for (int from = 0; from < 9; from++) {
                for (int length = 0; from + length <= data.length; length++) {
                    random.nextBytes(data);
                    byte[] expected = reference(data, from, length, unit);
                    ByteOrders.swap(data, from, length, unit);
                    assertArrayEquals(expected, data, "unit " + unit + " from " + from + " length " + length);
                }
            }
        }
    }

    @Test
    void swapsTheExampleOfPs35Section73() {
        byte[] b = {0x68, 0x2A, 0x00, 0x00, 0x12, 0x34};
        ByteOrders.swap(b, 4, 4);
        assertArrayEquals(new byte[] {0x00, 0x00, 0x2A, 0x68, 0x12, 0x34}, b);
    }

    @Test
    void rejectsOtherUnits() {
        assertThrows(IllegalArgumentException.class, () -> ByteOrders.swap(new byte[6], 6, 3));
    }
}
