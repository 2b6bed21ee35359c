/**
 * How the storage works inside, not exported: safe path names ({@link
 * org.netdicom.storage.internal.PathComponent}) from the layout pattern ({@link
 * org.netdicom.storage.internal.PathPattern}), durable atomic file placement ({@link
 * org.netdicom.storage.internal.DurableFiles}), the Part 10 bytes of a received instance, the
 * reconciliation, and the OSGi component with its configuration {@code org.netdicom.storage}.
 */
package org.netdicom.storage.internal;
