package org.deidworkbench.model;

import java.util.Optional;

/**
 * The options of the PS3.15 Annex E Basic Application Level Confidentiality Profile, as switches of
 * a profile's {@code dicom:} section ({@link #yamlName()}), with the codes of PS3.16 CID 7050
 * "De-identification Method" that record them in De-identification Method Code Sequence (0012,0064).
 *
 * <p>Ten options have a column in Table E.1-1 ({@link #tableColumn()}); the two pixel options
 * (Clean Pixel Data, Clean Recognizable Visual Features) act on pixel data, not on attributes, and
 * have none. The Basic Profile's own code is 113100.
 */
public enum DicomOption {
    RETAIN_SAFE_PRIVATE("retain-safe-private", "rtnSafePrivOpt", "Retain Safe Private Option", "113111"),
    RETAIN_UIDS("retain-uids", "rtnUIDsOpt", "Retain UIDs Option", "113110"),
    RETAIN_DEVICE_IDENTITY("retain-device-identity", "rtnDevIdOpt", "Retain Device Identity Option", "113109"),
    RETAIN_INSTITUTION_IDENTITY("retain-institution-identity", "rtnInstIdOpt", "Retain Institution Identity Option",
            "113112"),
    RETAIN_PATIENT_CHARACTERISTICS("retain-patient-characteristics", "rtnPatCharsOpt",
            "Retain Patient Characteristics Option", "113108"),
    RETAIN_LONGITUDINAL_FULL_DATES("retain-longitudinal-full-dates", "rtnLongFullDatesOpt",
            "Retain Longitudinal Temporal Information Full Dates Option", "113106"),
    RETAIN_LONGITUDINAL_MODIFIED_DATES("retain-longitudinal-modified-dates", "rtnLongModifDatesOpt",
            "Retain Longitudinal Temporal Information Modified Dates Option", "113107"),
    CLEAN_DESCRIPTORS("clean-descriptors", "cleanDescOpt", "Clean Descriptors Option", "113105"),
    CLEAN_STRUCTURED_CONTENT("clean-structured-content", "cleanStructContOpt", "Clean Structured Content Option",
            "113104"),
    CLEAN_GRAPHICS("clean-graphics", "cleanGraphOpt", "Clean Graphics Option", "113103"),
    CLEAN_PIXEL_DATA("clean-pixel-data", null, "Clean Pixel Data Option", "113101"),
    CLEAN_RECOGNIZABLE_VISUAL_FEATURES("clean-recognizable-visual-features", null,
            "Clean Recognizable Visual Features Option", "113102");

    /** Coding Scheme Designator of every CID 7050 code. */
    public static final String CODING_SCHEME_DESIGNATOR = "DCM";

    private final String yamlName;
    private final String tableColumn;
    private final String codeMeaning;
    private final String codeValue;

    DicomOption(String yamlName, String tableColumn, String codeMeaning, String codeValue) {
        this.yamlName = yamlName;
        this.tableColumn = tableColumn;
        this.codeMeaning = codeMeaning;
        this.codeValue = codeValue;
    }

    /** The switch's name in a profile's {@code dicom.options}, e.g. {@code retain-safe-private}. */
    public String yamlName() {
        return yamlName;
    }

    /** The option switched by {@code name} in a profile (exact spelling). */
    public static Optional<DicomOption> fromYamlName(String name) {
        for (DicomOption option : values()) {
            if (option.yamlName.equals(name)) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }

    /** The column of Table E.1-1 (as spelled in the generated resource), if the option has one. */
    public Optional<String> tableColumn() {
        return Optional.ofNullable(tableColumn);
    }

    /** Code Meaning in CID 7050, which is also the option's name in PS3.15. */
    public String codeMeaning() {
        return codeMeaning;
    }

    /** Code Value in CID 7050 (scheme {@value #CODING_SCHEME_DESIGNATOR}). */
    public String codeValue() {
        return codeValue;
    }

    /** The option whose Table E.1-1 column is {@code column}. */
    public static Optional<DicomOption> forTableColumn(String column) {
        for (DicomOption option : values()) {
            if (option.tableColumn != null && option.tableColumn.equals(column)) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }

    /** The option coded as {@code codeValue} in CID 7050. */
    public static Optional<DicomOption> forCodeValue(String codeValue) {
        for (DicomOption option : values()) {
            if (option.codeValue.equals(codeValue)) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }
}
