package org.deidworkbench;
public final class Launcher { public static void main(String[] a) {} }
