/**
 * How many agents a half hour needs: Erlang C (callers wait forever) and Erlang A (Palm's M/M/N+M, callers hang up
 * after an exponential patience), both computed from the birth-death chain's ratios so that no factorial or power
 * overflows at hundreds of agents; the smallest N meeting the service level and the occupancy cap, then shrinkage.
 */
package org.openhotline.workforce.internal.staffing;
