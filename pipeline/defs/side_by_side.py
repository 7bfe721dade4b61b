"""Run a job's independent steps side by side, in threads of this process.

`execute_in_process` runs a job's steps one after another. The corpus-level job's steps do
their work in forked children of their own (`pipeline.own_process`), and once the tables are
written and checked, the warehouse, the two pictures and the exports depend on nothing but
those tables: one after another they left one of the machine's two cores idle for several
seconds of every `make run`. Here each step runs in a thread of its own, at most
`max_concurrent` at a time; a thread waits on its step's child (the GIL is free meanwhile)
and does the step's Dagster bookkeeping (events, records) as the in-process executor would.

Dagster's own `ActiveExecution` decides what may start: a step starts when its upstream steps
succeeded, and a step downstream of a failed blocking check is skipped, as in process; steps
tagged as holding every table in memory (the warehouse, the exports: `pools.ONE_WHOLE_TABLES_STEP`)
start one at a time once the tables are large (`pools.whole_tables_limits`, asked each time steps
are started), so the corpus-level peak stays that of one of them. Each
step is executed by Dagster's `execute_plan_iterator` on a plan of that step alone, as the
multiprocess executor's child processes do, with the in-memory job instead of a
reconstructed one. A step's failure fails the run but not the steps already running beside
it: each of them writes its own files, atomically (`pipeline.atomic`), and records its
outcome.

The Dagster daemon's runs use the code location's executor (multiprocess, with the same limit).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator, Mapping

from dagster import DagsterInstance, ExecuteInProcessResult, JobDefinition, executor
from dagster._core.definitions.job_base import InMemoryJob
from dagster._core.events import DagsterEvent, EngineEventData
from dagster._core.execution.api import ExecuteRunWithPlanIterable, create_execution_plan
from dagster._core.execution.compute_logs import create_compute_log_file_key
from dagster._core.execution.context.system import PlanExecutionContext, PlanOrchestrationContext
from dagster._core.execution.context_creation_job import PlanExecutionContextManager
from dagster._core.execution.execute_in_process import core_execute_in_process, merge_run_tags
from dagster._core.execution.plan.active import ActiveExecution
from dagster._core.execution.plan.execute_plan import _trigger_hook, dagster_event_sequence_for_step
from dagster._core.execution.plan.instance_concurrency_context import InstanceConcurrencyContext
from dagster._core.execution.plan.plan import ExecutionPlan
from dagster._core.execution.retries import RetryMode
from dagster._core.execution.step_dependency_config import StepDependencyConfig
from dagster._core.executor.base import Executor

from pipeline.defs.pools import ONE_WHOLE_TABLES_STEP

_FINISHED = object()


class SideBySideExecutor(Executor):
    """The in-process executor, with up to `max_concurrent` steps running at once."""

    def __init__(self, max_concurrent: int, tag_limits: Callable[[], list[dict]] | None = None):
        self._max_concurrent = max(1, max_concurrent)
        self._tag_limits = tag_limits or (lambda: ONE_WHOLE_TABLES_STEP)
        self._retries = RetryMode.ENABLED  # as execute_in_process's executor
        self._step_dependency_config = StepDependencyConfig.default()

    @property
    def retries(self) -> RetryMode:
        return self._retries

    @property
    def step_dependency_config(self) -> StepDependencyConfig:
        return self._step_dependency_config

    def execute(self, plan_context: PlanOrchestrationContext, execution_plan: ExecutionPlan) -> Iterator[DagsterEvent]:
        yield DagsterEvent.engine_event(
            plan_context,
            f"Executing steps in threads, at most {self._max_concurrent} at a time",
            event_specific_data=EngineEventData(),
        )
        instance = plan_context.instance
        # Each step's log manager asks the instance for its YAML-configured handlers, which
        # runs `logging.config.dictConfig`: under the logging module's lock it takes every
        # handler's lock, while a step beside it holds a handler's lock and waits for the
        # module's (a deadlock). Asked once here, the same handlers serve every step.
        handlers = instance.get_yaml_python_handlers()
        instance.get_yaml_python_handlers = lambda: handlers
        try:
            yield from self._execute(plan_context, execution_plan)
        finally:
            del instance.get_yaml_python_handlers

    def _execute(self, plan_context: PlanOrchestrationContext, execution_plan: ExecutionPlan) -> Iterator[DagsterEvent]:
        reports: queue.Queue = queue.Queue()
        running: dict[str, threading.Thread] = {}
        compute_logs = plan_context.instance.compute_log_manager
        log_key = compute_logs.build_log_key_for_run(plan_context.run_id, create_compute_log_file_key())
        # Dagster's plan keeps this list and reads it whenever steps are started; it is brought
        # up to date in place before each start (an empty list given first would be replaced).
        limits = list(ONE_WHOLE_TABLES_STEP)
        with (
            # the process's output captured once for the whole run, as the in-process executor
            # does: a capture per step would redirect the same file descriptors from two threads
            compute_logs.capture_logs(log_key) as log_context,
            InstanceConcurrencyContext(plan_context.instance, plan_context.dagster_run) as concurrency,
            ActiveExecution(
                execution_plan,
                retry_mode=self.retries,
                max_concurrent=self._max_concurrent,
                tag_concurrency_limits=limits,  # as the multiprocess executor's option, once the tables are large
                instance_concurrency_context=concurrency,
                step_dependency_config=self._step_dependency_config,
            ) as active,
        ):
            yield DagsterEvent.capture_logs(plan_context, execution_plan.step_keys_to_execute, log_key, log_context)
            while not active.is_complete or running:
                limits[:] = self._tag_limits()
                for step in active.get_steps_to_execute(limit=self._max_concurrent - len(running)):
                    thread = threading.Thread(
                        target=self._run_step,
                        args=(plan_context, step.key, active.get_known_state(), execution_plan, reports),
                        name=f"step-{step.key}", daemon=True,
                    )
                    running[step.key] = thread
                    thread.start()
                yield from active.concurrency_event_iterator(plan_context)
                if running:
                    key, item = reports.get()
                    if item is _FINISHED:
                        running.pop(key).join()
                        active.verify_complete(plan_context, key)
                    elif isinstance(item, BaseException):
                        running.pop(key).join()
                        raise item
                    else:
                        yield item
                        active.handle_event(item)
                else:
                    active.sleep_til_ready()
                yield from active.plan_events_iterator(plan_context)

    def _run_step(self, plan_context: PlanOrchestrationContext, key: str, known_state, execution_plan: ExecutionPlan,
                  reports: queue.Queue) -> None:
        """One step, on a plan of that step alone, as the multiprocess executor's children run
        it, with the in-memory job and without a log capture of its own (`execute` holds one)."""
        try:
            plan = create_execution_plan(
                job=plan_context.job,
                run_config=plan_context.run_config,
                step_keys_to_execute=[key],
                known_state=known_state,
                repository_load_data=execution_plan.repository_load_data,
            )
            events = ExecuteRunWithPlanIterable(
                execution_plan=plan,
                iterator=_step_events,
                execution_context_manager=PlanExecutionContextManager(
                    job=plan_context.job,
                    retry_mode=self.retries.for_inner_plan(),
                    execution_plan=plan,
                    run_config=plan_context.run_config,
                    dagster_run=plan_context.dagster_run,
                    instance=plan_context.instance,
                    raise_on_error=plan_context.raise_on_error,
                    output_capture=plan_context.output_capture,
                    step_dependency_config=self._step_dependency_config,
                ),
            )
            for event in events:
                reports.put((key, event))
        except BaseException as error:  # noqa: BLE001 - raised again in the orchestrating thread
            reports.put((key, error))
            return
        reports.put((key, _FINISHED))


def _step_events(job_context: PlanExecutionContext, execution_plan: ExecutionPlan) -> Iterator[DagsterEvent]:
    """Dagster's `inner_plan_execution_iterator` for a plan of one step, less its log capture."""
    with execution_plan.start(
        retry_mode=job_context.retry_mode, step_dependency_config=job_context.step_dependency_config
    ) as active:
        while not active.is_complete:
            step = active.get_next_step()
            if step is None:
                active.sleep_til_ready()
                continue
            step_context = job_context.for_step(step, active.get_known_state())
            step_events = []
            for event in dagster_event_sequence_for_step(step_context):
                step_events.append(event)
                yield event
                active.handle_event(event)
            active.verify_complete(job_context, step.key)
            for event in active.plan_events_iterator(job_context):
                step_events.append(event)
                yield event
            yield from _trigger_hook(step_context, step_events)


def execute_side_by_side(
    job_def: JobDefinition,
    instance: DagsterInstance,
    max_concurrent: int,
    tags: Mapping[str, str] | None = None,
    raise_on_error: bool = False,
    tag_limits: Callable[[], list[dict]] | None = None,
) -> ExecuteInProcessResult:
    """`job_def.execute_in_process(instance=instance, tags=tags, raise_on_error=...)`, its
    independent steps side by side (`SideBySideExecutor`). With `max_concurrent` 1 it is
    `execute_in_process` itself. `tag_limits`: Dagster's `tag_concurrency_limits` in force,
    asked each time steps are started (by default `pools.ONE_WHOLE_TABLES_STEP` throughout)."""
    if max_concurrent <= 1:
        return job_def.execute_in_process(instance=instance, tags=tags, raise_on_error=raise_on_error)

    @executor(name="side_by_side")
    def side_by_side(_init_context) -> SideBySideExecutor:
        return SideBySideExecutor(max_concurrent, tag_limits)

    ephemeral = job_def.as_ephemeral_job(resource_defs={}, input_values={}).with_executor_def(side_by_side)
    return core_execute_in_process(
        run_config={},
        job=InMemoryJob(job_def=ephemeral),
        instance=instance,
        output_capturing_enabled=True,
        raise_on_error=raise_on_error,
        run_tags=merge_run_tags(
            job_def=ephemeral, partition_key=None, tags=tags, asset_selection=None, instance=instance, run_config={}
        ),
    )
