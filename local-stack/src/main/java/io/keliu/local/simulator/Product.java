package io.keliu.local.simulator;

import java.math.BigDecimal;

record Product(String productId, String category, BigDecimal unitPrice) {
}
