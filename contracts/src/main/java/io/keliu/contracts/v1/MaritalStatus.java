package io.keliu.contracts.v1;

public enum MaritalStatus {
    SINGLE, MARRIED, DIVORCED, WIDOWED, UNKNOWN;

    public static final Vocabulary<MaritalStatus> WORDS = Vocabulary.of(MaritalStatus.class)
            .word(SINGLE, "未婚", "单身", "unmarried", "never married")
            .word(MARRIED, "已婚", "married with children")
            .word(DIVORCED, "离异", "离婚", "separated")
            .word(WIDOWED, "丧偶", "widow", "widower")
            .word(UNKNOWN, "未知", "保密", "N/A", "NA");
}
