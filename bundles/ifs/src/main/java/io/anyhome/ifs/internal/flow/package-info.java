/**
 * The data path of interface switching: the {@link io.anyhome.ifs.internal.flow.FlowTable} of
 * flows leaving the virtual interface and the {@link io.anyhome.ifs.internal.flow.FlowSwitch}
 * that places each packet's flow by the decision in force, compiled into a routing that the
 * data path reads with one volatile read. No locks and no allocation per packet. Not exported.
 */
package io.anyhome.ifs.internal.flow;
