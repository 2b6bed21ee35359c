package org.netdicom.index;

/**
 * How an identifier is matched, where PS3.4 leaves a choice or makes it a matter of extended
 * negotiation.
 *
 * @param caseInsensitiveNames person names (PN) match regardless of case (PS3.4 C.2.2.2.1 allows
 *                             it; what users expect)
 * @param combinedDateTime     a range on a date attribute and a range on its time attribute
 *                             (StudyDate and StudyTime...) match as one date-time range (PS3.4
 *                             C.2.2.2.5.1; negotiated with SOP class extended negotiation)
 * @param relational           lenient hierarchy: unique keys of the levels above may be missing
 *                             and other keys above the level may match (relational queries, PS3.4
 *                             C.4.1.2.2); when false a query without them fails with
 *                             {@link IndexException}, as the baseline hierarchical search requires
 */
public record MatchOptions(boolean caseInsensitiveNames, boolean combinedDateTime, boolean relational) {

    /** Case-insensitive names, separate date and time matching, relational. */
    public static final MatchOptions DEFAULT = new MatchOptions(true, false, true);

    public MatchOptions withCaseInsensitiveNames(boolean value) {
        return new MatchOptions(value, combinedDateTime, relational);
    }

    public MatchOptions withCombinedDateTime(boolean value) {
        return new MatchOptions(caseInsensitiveNames, value, relational);
    }

    public MatchOptions withRelational(boolean value) {
        return new MatchOptions(caseInsensitiveNames, combinedDateTime, value);
    }
}
