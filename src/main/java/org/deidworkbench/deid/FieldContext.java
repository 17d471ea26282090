package org.deidworkbench.deid;

/**
 * What a method may know about the value it transforms.
 *
 * @param subject the record's subject, or {@code null} when the record has none
 * @param field the field's name for messages (column header, tag keyword)
 */
public record FieldContext(Subject subject, String field) {
}
