/**
 * Loading and whole-profile validation of YAML rule profiles, and the built-in profiles.
 */
package org.deidworkbench.config;
