package io.keliu.contracts.v1;

public enum Gender {
    MALE, FEMALE, OTHER, UNKNOWN;

    public static final Vocabulary<Gender> WORDS = Vocabulary.of(Gender.class)
            .word(MALE, "男", "男性", "M", "man")
            .word(FEMALE, "女", "女性", "F", "woman")
            .word(OTHER, "其他", "其它")
            .word(UNKNOWN, "未知", "保密", "U", "N/A", "NA");
}
