/**
 * Format-neutral domain types shared by every layer: actions, rules, profiles, pseudonym formats,
 * problems and report entries. Depends on the JDK only.
 */
package org.deidworkbench.model;
