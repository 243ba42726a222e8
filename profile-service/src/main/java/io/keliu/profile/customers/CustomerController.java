package io.keliu.profile.customers;

import io.keliu.profile.refits.RefitService;
import io.keliu.profile.web.NotFound;
import io.keliu.profile.web.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "customers", description = "The 360° customer view and the customer list")
class CustomerController {
    private final CustomerQueries queries;
    private final CustomerList list;
    private final RefitService refits;

    CustomerController(CustomerQueries queries, CustomerList list, RefitService refits) {
        this.queries = queries;
        this.list = list;
        this.refits = refits;
    }

    @GetMapping("/{userId}")
    @Operation(summary = "A customer's profile, purchase facts, RFM, lifetime value, segment, lifecycle stage,"
            + " churn risk, preferences, last 10 orders, activity and customer service interactions")
    CustomerView customer(@PathVariable String userId) {
        return queries.find(userId, CustomerQueries.context(refits.currentModel()))
                .orElseThrow(() -> new NotFound("no customer " + userId + ": neither a profile nor an order of a"
                        + " known customer names this user id"));
    }

    @GetMapping
    @Operation(summary = "Customers filtered by segment, lifecycle stage, churn risk, CLV, province and value"
            + " (valuable: the top fifth by CLV), sorted by clv, churnRisk or monetary (largest first)")
    CustomerList.Page customers(@RequestParam(required = false) Integer segment,
                                @RequestParam(required = false) String lifecycle,
                                @RequestParam(required = false) Double minChurnRisk,
                                @RequestParam(required = false) Double minClv,
                                @RequestParam(required = false) String province,
                                @Parameter(description = "true: only the top fifth of customers by lifetime value")
                                @RequestParam(defaultValue = "false") boolean valuable,
                                @RequestParam(defaultValue = "clv") String sort,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "20") int size) {
        CustomerList.Filter filter = new CustomerList.Filter(segment,
                lifecycle == null ? null : Parameters.choice("lifecycle", lifecycle, LifecycleStage.class),
                minChurnRisk == null ? null : Parameters.range("minChurnRisk", minChurnRisk, 0.0, 1.0),
                minClv == null ? null : Parameters.range("minClv", minClv, 0.0, Double.MAX_VALUE),
                province == null || province.isBlank() ? null : province.strip(), valuable);
        return list.find(filter, Parameters.choice("sort", sort, CustomerList.Sort.class),
                Parameters.range("page", page, 0, 1_000_000), Parameters.range("size", size, 1, 1000));
    }
}
