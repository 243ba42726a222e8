package io.keliu.profile.refits;

import io.keliu.profile.ProfileProperties;
import io.keliu.profile.web.NotFound;
import io.keliu.profile.web.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

@RestController
@Tag(name = "refits", description = "Refits of RFM, lifetime value, segments and churn risk, and the fitted models")
class RefitController {
    private final RefitService refits;
    private final ProfileProperties properties;

    RefitController(RefitService refits, ProfileProperties properties) {
        this.refits = refits;
        this.properties = properties;
    }

    record Started(UUID refitId) {
    }

    @PostMapping("/api/v1/refits")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Starts a refit over every customer's purchases up to calibrationEnd (default today)")
    Started start(@RequestParam(required = false) String calibrationEnd,
                  @RequestParam(required = false) Integer horizonDays) {
        LocalDate end = calibrationEnd == null ? refits.today() : Parameters.date("calibrationEnd", calibrationEnd);
        int horizon = horizonDays == null ? properties.refit().horizonDays()
                : Parameters.range("horizonDays", horizonDays, 1, 3650);
        return new Started(refits.start(end, horizon));
    }

    @GetMapping("/api/v1/refits/{refitId}")
    @Operation(summary = "A refit's status: RUNNING, DONE or FAILED (with the reason)")
    Refit refit(@PathVariable UUID refitId) {
        return refits.find(refitId).orElseThrow(() -> new NotFound("no refit " + refitId));
    }

    @GetMapping("/api/v1/models/clv")
    @Operation(summary = "The current BG/NBD and Gamma-Gamma parameters and fit, as bin/keliu analytics clv gives them")
    Map<String, Object> clv() {
        Map<String, Object> model = refits.currentModel();
        if (model == null) {
            throw new NotFound("no refit has finished yet: POST /api/v1/refits starts one");
        }
        Map<String, Object> clv = new LinkedHashMap<>();
        for (String key : new String[]{"calibrationEnd", "horizonDays", "monthlyDiscountRate", "customers", "bgnbd",
                "gammaGamma"}) {
            clv.put(key, model.get(key));
        }
        return clv;
    }
}
