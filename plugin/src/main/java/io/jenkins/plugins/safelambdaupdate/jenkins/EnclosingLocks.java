package io.jenkins.plugins.safelambdaupdate.jenkins;

import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.actions.ArgumentsAction;
import org.jenkinsci.plugins.workflow.graph.BlockStartNode;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graph.StepNode;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;

/**
 * Whether a step runs inside a {@code lock(resource: NAME) { }} block (also {@code lock(NAME)} and
 * {@code extra: [[resource: NAME]]}), read from the flow graph: the blocks that enclose the step's own node. A lock
 * that the same build holds in another parallel branch does not enclose the step, so the step waits for it.
 */
final class EnclosingLocks {
    private static final String LOCK_STEP = "lock";

    private EnclosingLocks() {
    }

    /**
     * @param node the step's flow node, or null when unknown (then nothing encloses it)
     * @param resource the lockable resource's name
     * @return whether an enclosing {@code lock} block holds that resource
     */
    static boolean hold(FlowNode node, String resource) {
        if (node == null) {
            return false;
        }
        for (BlockStartNode block : node.iterateEnclosingBlocks()) {
            if (isLockStep(block) && names(ArgumentsAction.getFilteredArguments(block), resource)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLockStep(BlockStartNode block) {
        if (!(block instanceof StepNode step)) {
            return false;
        }
        StepDescriptor descriptor = step.getDescriptor();
        return descriptor != null && LOCK_STEP.equals(descriptor.getFunctionName());
    }

    private static boolean names(Map<String, Object> arguments, String resource) {
        if (resource.equals(arguments.get("resource"))) {
            return true;
        }
        if (arguments.get("extra") instanceof List<?> extra) {
            for (Object entry : extra) {
                if (entry instanceof Map<?, ?> map && resource.equals(map.get("resource"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
