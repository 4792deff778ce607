package io.marginsim.cli;
public class MarginSim { public static void main(String[] a) { System.out.println("hi " + Runtime.version()); } }
