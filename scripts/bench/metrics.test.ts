import { describe, expect, it } from "vitest";
import {
  parentFromStat,
  pdpCallsBetween,
  pdpCallsFromMetrics,
  processTree,
  rssFromStatus,
} from "@/scripts/bench/metrics";

// Lines as Cerbos 0.51 prints them at /_cerbos/metrics (shortened).
const METRICS = `# HELP rpc_server_duration_milliseconds Measures the duration of inbound RPC.
# TYPE rpc_server_duration_milliseconds histogram
rpc_server_duration_milliseconds_bucket{rpc_grpc_status_code="0",rpc_method="CheckResources",rpc_service="cerbos.svc.v1.CerbosService",rpc_system="grpc",le="5"} 3
rpc_server_duration_milliseconds_sum{rpc_grpc_status_code="0",rpc_method="CheckResources",rpc_service="cerbos.svc.v1.CerbosService",rpc_system="grpc"} 55.1
rpc_server_duration_milliseconds_count{rpc_grpc_status_code="0",rpc_method="CheckResources",rpc_service="cerbos.svc.v1.CerbosService",rpc_system="grpc"} 7
rpc_server_duration_milliseconds_count{rpc_grpc_status_code="4",rpc_method="CheckResources",rpc_service="cerbos.svc.v1.CerbosService",rpc_system="grpc"} 1
rpc_server_duration_milliseconds_count{rpc_grpc_status_code="0",rpc_method="PlanResources",rpc_service="cerbos.svc.v1.CerbosService",rpc_system="grpc"} 2
rpc_server_duration_milliseconds_count{rpc_grpc_status_code="0",rpc_method="Check",rpc_service="grpc.health.v1.Health",rpc_system="grpc"} 40
rpc_client_duration_milliseconds_count{rpc_grpc_status_code="0",rpc_method="CheckResources",rpc_service="cerbos.svc.v1.CerbosService",rpc_system="grpc"} 7
http_server_request_duration_seconds_count{http_request_method="POST",http_response_status_code="200",network_protocol_name="http"} 9
`;

describe("pdpCallsFromMetrics", () => {
  it("counts the calls the PDP served per method, whatever their status, and nothing else", () => {
    expect(pdpCallsFromMetrics(METRICS)).toEqual({ CheckResources: 8, PlanResources: 2 });
    expect(pdpCallsFromMetrics("")).toEqual({});
  });
});

describe("pdpCallsBetween", () => {
  it("is the difference per method, new methods included", () => {
    expect(pdpCallsBetween({ CheckResources: 8 }, { CheckResources: 11, PlanResources: 2 })).toEqual({
      total: 5,
      byMethod: { CheckResources: 3, PlanResources: 2 },
    });
    expect(pdpCallsBetween({ CheckResources: 8 }, { CheckResources: 8 })).toEqual({ total: 0, byMethod: {} });
  });
});

describe("/proc readers", () => {
  it("reads VmRSS in bytes, 0 without it", () => {
    expect(rssFromStatus("Name:\tnext-server\nVmPeak:\t 999 kB\nVmRSS:\t  204800 kB\nThreads:\t11\n")).toBe(
      200 * 1024 * 1024,
    );
    expect(rssFromStatus("Name:\tzombie\nState:\tZ (zombie)\n")).toBe(0);
  });

  it("reads the parent after the command, even one with spaces and parentheses", () => {
    expect(parentFromStat("4242 (next-server (v16.4.6)) S 4200 4200 4200 0 -1")).toBe(4200);
    expect(parentFromStat("7 (node) R 1 7 7")).toBe(1);
  });

  it("collects a process and all its descendants, not its siblings", () => {
    const parents = new Map([
      [10, 1],
      [11, 10],
      [12, 11],
      [13, 10],
      [20, 1],
    ]);
    expect(processTree(10, parents).sort()).toEqual([10, 11, 12, 13]);
    expect(processTree(99, parents)).toEqual([99]);
  });
});
