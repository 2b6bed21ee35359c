package org.netdicom.core.dul;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReadBuffersTest {

    // sizes no connection of another test uses, so that the shared pool holds only this test's
    private static final int SIZE = 12_345;

    @Test
    void aBufferGivenBackIsTakenAgainClearedAndOnlyForItsSize() {
        ByteBuffer first = ReadBuffers.take(SIZE);
        assertTrue(first.isDirect());
        assertEquals(SIZE, first.capacity());
        first.limit(100).position(40);
        ReadBuffers.give(first);
        assertNotSame(first, ReadBuffers.take(SIZE + 2), "another size is another buffer");
        ByteBuffer again = ReadBuffers.take(SIZE);
        assertSame(first, again);
        assertEquals(0, again.position());
        assertEquals(0, again.limit(), "nothing unread in it");
    }

    @Test
    void keepsAFewBuffersOfASizeNotAllThatComeBack() {
        int size = SIZE + 4;
        List<ByteBuffer> given = new ArrayList<>();
        for (int i = 0; i < ReadBuffers.KEPT_PER_SIZE + 5; i++) {
            given.add(ReadBuffers.take(size));
        }
        given.forEach(ReadBuffers::give);
        Map<ByteBuffer, Boolean> kept = new IdentityHashMap<>();
        given.forEach(b -> kept.put(b, true));
        int reused = 0;
        for (int i = 0; i < ReadBuffers.KEPT_PER_SIZE + 5; i++) {
            if (kept.containsKey(ReadBuffers.take(size))) {
                reused++;
            }
        }
        assertEquals(ReadBuffers.KEPT_PER_SIZE, reused);
    }

    @Test
    void aReleasedInputReadsNoMore() {
        ChannelInput input = new ChannelInput(new java.nio.channels.ReadableByteChannel() {
            @Override
            public int read(ByteBuffer dst) {
                return -1;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        }, new ReadWait(java.io.InputStream.nullInputStream(), ReadSpin.NONE, () -> false), SIZE + 6, () -> { },
                () -> { });
        input.release();
        input.release(); // twice: given back once
        assertThrows(ClosedChannelException.class, () -> input.read(new byte[10], 0, 10));
        assertThrows(ClosedChannelException.class, () -> input.readInPlace(10));
    }
}
